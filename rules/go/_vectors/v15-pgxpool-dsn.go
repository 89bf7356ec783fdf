package db

import (
	"context"

	"github.com/jackc/pgx/v5/pgxpool"
)

func Connect(ctx context.Context) (*pgxpool.Pool, error) {
	pool, err := pgxpool.New(ctx, "postgres://app@db/app?sslmode=require&keepalives_idle=30&pool_max_conn_lifetime=0s")
	if err != nil {
		return nil, err
	}
	return pool, nil
}
