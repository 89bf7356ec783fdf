package db

import (
	"context"

	"github.com/jackc/pgx/v5/pgxpool"
)

func Connect(ctx context.Context) (*pgxpool.Pool, error) {
	pool, err := pgxpool.New(ctx, "postgres://app@db/app?sslmode=require&connect_timeout=10")
	if err != nil {
		return nil, err
	}
	return pool, nil
}
