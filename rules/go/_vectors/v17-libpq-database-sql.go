package main

import (
	"database/sql"
	"log"

	_ "github.com/lib/pq"
)

func main() {
	db, err := sql.Open("postgres", "host=db user=app dbname=app sslmode=require")
	if err != nil {
		log.Fatal(err)
	}
	db.SetMaxOpenConns(20)
}
