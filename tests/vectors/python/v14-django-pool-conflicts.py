DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.postgresql",
        "CONN_MAX_AGE": 600,
        "OPTIONS": {"pool": {"min_size": 2, "max_size": 8, "check": ConnectionPool.check_connection}},
    }
}
