package warehouse

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

// ErrReservationConflict means stock changed between reading and reserving.
var ErrReservationConflict = errors.New("warehouse: stock changed while reserving")

// Store reads warehouses and stock from Postgres.
type Store struct {
	db *pgxpool.Pool
}

// NewStore returns a Store on db.
func NewStore(db *pgxpool.Pool) *Store { return &Store{db: db} }

// Active returns the warehouses currently taking orders.
func (s *Store) Active(ctx context.Context) ([]Warehouse, error) {
	rows, err := s.db.Query(ctx, `
		SELECT id, code, name, country, lat, lng, cutoff_hour, timezone
		  FROM warehouses
		 WHERE active
		 ORDER BY code`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Warehouse
	for rows.Next() {
		var w Warehouse
		var tz string
		if err := rows.Scan(&w.ID, &w.Code, &w.Name, &w.Country, &w.Lat, &w.Lng, &w.CutoffHour, &tz); err != nil {
			return nil, err
		}
		if w.Location, err = time.LoadLocation(tz); err != nil {
			return nil, fmt.Errorf("warehouse %s: %w", w.Code, err)
		}
		w.Active = true
		out = append(out, w)
	}
	return out, rows.Err()
}

// StockFor returns the stock levels of the given SKUs in all active warehouses.
func (s *Store) StockFor(ctx context.Context, skus []string) ([]StockLevel, error) {
	rows, err := s.db.Query(ctx, `
		SELECT s.warehouse_id, s.sku, s.on_hand, s.reserved
		  FROM stock s
		  JOIN warehouses w ON w.id = s.warehouse_id AND w.active
		 WHERE s.sku = ANY($1)`, skus)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, func(row pgx.CollectableRow) (StockLevel, error) {
		var l StockLevel
		err := row.Scan(&l.WarehouseID, &l.SKU, &l.OnHand, &l.Reserved)
		return l, err
	})
}

// Reserve holds qty of sku in a warehouse for an order, in one transaction
// with the caller's other reservations.
func (s *Store) Reserve(ctx context.Context, tx pgx.Tx, warehouseID, sku, orderID string, qty int) error {
	tag, err := tx.Exec(ctx, `
		UPDATE stock SET reserved = reserved + $3
		 WHERE warehouse_id = $1 AND sku = $2 AND on_hand - reserved >= $3`,
		warehouseID, sku, qty)
	if err != nil {
		return err
	}
	if tag.RowsAffected() == 0 {
		return fmt.Errorf("%w: %s in %s", ErrReservationConflict, sku, warehouseID)
	}
	_, err = tx.Exec(ctx, `
		INSERT INTO reservations (order_id, warehouse_id, sku, quantity) VALUES ($1, $2, $3, $4)`,
		orderID, warehouseID, sku, qty)
	return err
}

// DB exposes the pool for callers that need a transaction.
func (s *Store) DB() *pgxpool.Pool { return s.db }
