package store

import (
	"database/sql"
	"log"

	_ "github.com/jackc/pgx/v5/stdlib"
)

func Open() *sql.DB {
	db, err := sql.Open("pgx", "postgres://app@db/app?pool_max_conns=10&pool_max_conn_idle_time=5m")
	if err != nil {
		log.Fatal(err)
	}
	return db
}
