// Command harness reads connection cases as JSON on stdin and reports, for each, what Debian's pgx
// v4 / lib/pq really parsed and whether a connection works: pgx.ParseConfig / pgxpool.ParseConfig
// fields, RuntimeParams (the keys pgx sends to the server), database/sql pool limits read back from
// the *sql.DB, and SELECT 1. Built once by tests/drivers/go-drivers.test.ts with GO111MODULE=off
// against /usr/share/gocode; it never downloads modules.
package main

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"os"
	"reflect"
	"sort"
	"time"

	"github.com/jackc/pgx/v4"
	"github.com/jackc/pgx/v4/pgxpool"
	_ "github.com/jackc/pgx/v4/stdlib"
	_ "github.com/lib/pq"
)

type Case struct {
	// pgx, pgxpool, stdlib (sql.Open("pgx")) or libpq (sql.Open("postgres")).
	Driver string `json:"driver"`
	DSN    string `json:"dsn"`
	// *sql.DB setters, seconds (0: not called).
	MaxOpen     int     `json:"maxOpen"`
	MaxLifetime float64 `json:"maxLifetime"`
	MaxIdleTime float64 `json:"maxIdleTime"`
	// pgxpool.Config fields set after ParseConfig (nil: untouched).
	PoolMaxConnLifetime *float64 `json:"poolMaxConnLifetime"`
	ConnectTimeout      *float64 `json:"connectTimeout"`
}

type Result struct {
	Driver            string            `json:"driver"`
	ParseError        string            `json:"parseError,omitempty"`
	ConnectTimeout    float64           `json:"connectTimeout"`
	RuntimeParams     map[string]string `json:"runtimeParams"`
	MaxConns          int32             `json:"maxConns,omitempty"`
	MaxConnLifetime   float64           `json:"maxConnLifetime"`
	MaxConnIdleTime   float64           `json:"maxConnIdleTime,omitempty"`
	HealthCheckPeriod float64           `json:"healthCheckPeriod,omitempty"`
	DBMaxOpen         int               `json:"dbMaxOpen,omitempty"`
	DBMaxLifetime     float64           `json:"dbMaxLifetime"`
	DBMaxIdleTime     float64           `json:"dbMaxIdleTime"`
	Select1           int               `json:"select1"`
	Error             string            `json:"error,omitempty"`
}

func seconds(d time.Duration) float64 { return d.Seconds() }

func dur(s float64) time.Duration { return time.Duration(s * float64(time.Second)) }

func params(m map[string]string) map[string]string {
	out := map[string]string{}
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		out[k] = m[k]
	}
	return out
}

// field reads an unexported duration or int field of *sql.DB (database/sql has no getters).
func field(db *sql.DB, name string) int64 {
	return reflect.ValueOf(db).Elem().FieldByName(name).Int()
}

func run(c Case) Result {
	r := Result{Driver: c.Driver, RuntimeParams: map[string]string{}}
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	switch c.Driver {
	case "pgx":
		cfg, err := pgx.ParseConfig(c.DSN)
		if err != nil {
			r.ParseError = err.Error()
			return r
		}
		r.ConnectTimeout = seconds(cfg.ConnectTimeout)
		r.RuntimeParams = params(cfg.RuntimeParams)
		conn, err := pgx.ConnectConfig(ctx, cfg)
		if err != nil {
			r.Error = err.Error()
			return r
		}
		defer conn.Close(ctx)
		if err := conn.QueryRow(ctx, "SELECT 1").Scan(&r.Select1); err != nil {
			r.Error = err.Error()
		}
	case "pgxpool":
		cfg, err := pgxpool.ParseConfig(c.DSN)
		if err != nil {
			r.ParseError = err.Error()
			return r
		}
		if c.PoolMaxConnLifetime != nil {
			cfg.MaxConnLifetime = dur(*c.PoolMaxConnLifetime)
		}
		if c.ConnectTimeout != nil {
			cfg.ConnConfig.ConnectTimeout = dur(*c.ConnectTimeout)
		}
		r.ConnectTimeout = seconds(cfg.ConnConfig.ConnectTimeout)
		r.RuntimeParams = params(cfg.ConnConfig.RuntimeParams)
		r.MaxConns = cfg.MaxConns
		r.MaxConnLifetime = seconds(cfg.MaxConnLifetime)
		r.MaxConnIdleTime = seconds(cfg.MaxConnIdleTime)
		r.HealthCheckPeriod = seconds(cfg.HealthCheckPeriod)
		pool, err := pgxpool.ConnectConfig(ctx, cfg)
		if err != nil {
			r.Error = err.Error()
			return r
		}
		defer pool.Close()
		if err := pool.QueryRow(ctx, "SELECT 1").Scan(&r.Select1); err != nil {
			r.Error = err.Error()
		}
	case "stdlib", "libpq":
		driver := "pgx"
		if c.Driver == "libpq" {
			driver = "postgres"
		} else {
			cfg, err := pgx.ParseConfig(c.DSN)
			if err != nil {
				r.ParseError = err.Error()
				return r
			}
			r.ConnectTimeout = seconds(cfg.ConnectTimeout)
			r.RuntimeParams = params(cfg.RuntimeParams)
		}
		db, err := sql.Open(driver, c.DSN)
		if err != nil {
			r.ParseError = err.Error()
			return r
		}
		defer db.Close()
		if c.MaxOpen > 0 {
			db.SetMaxOpenConns(c.MaxOpen)
		}
		if c.MaxLifetime > 0 {
			db.SetConnMaxLifetime(dur(c.MaxLifetime))
		}
		if c.MaxIdleTime > 0 {
			db.SetConnMaxIdleTime(dur(c.MaxIdleTime))
		}
		r.DBMaxOpen = int(field(db, "maxOpen"))
		r.DBMaxLifetime = seconds(time.Duration(field(db, "maxLifetime")))
		r.DBMaxIdleTime = seconds(time.Duration(field(db, "maxIdleTime")))
		if err := db.QueryRowContext(ctx, "SELECT 1").Scan(&r.Select1); err != nil {
			r.Error = err.Error()
		}
	default:
		r.Error = fmt.Sprintf("unknown driver %q", c.Driver)
	}
	return r
}

func main() {
	var cases []Case
	if err := json.NewDecoder(os.Stdin).Decode(&cases); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	out := make([]Result, 0, len(cases))
	for _, c := range cases {
		out = append(out, run(c))
	}
	_ = json.NewEncoder(os.Stdout).Encode(out)
}
