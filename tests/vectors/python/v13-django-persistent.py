DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": env("DB_NAME"), "HOST": env("DB_HOST"),
        "CONN_MAX_AGE": None,
    }
}
