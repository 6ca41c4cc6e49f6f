package shipment

import (
	"context"
	"encoding/json"
	"errors"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

// Store persists shipments in Postgres.
type Store struct {
	db *pgxpool.Pool
}

// NewStore returns a Store on db.
func NewStore(db *pgxpool.Pool) *Store { return &Store{db: db} }

const columns = `id, order_id, warehouse_id, carrier, service, tracking_number, label_url, status,
	parcels, cost_cents, currency, ship_date, delivered_at, created_at, updated_at`

func scan(row pgx.Row) (Shipment, error) {
	var s Shipment
	var parcels []byte
	var tracking, label *string
	err := row.Scan(&s.ID, &s.OrderID, &s.WarehouseID, &s.Carrier, &s.Service, &tracking, &label, &s.Status,
		&parcels, &s.CostCents, &s.Currency, &s.ShipDate, &s.DeliveredAt, &s.CreatedAt, &s.UpdatedAt)
	if errors.Is(err, pgx.ErrNoRows) {
		return s, ErrNotFound
	}
	if err != nil {
		return s, err
	}
	if tracking != nil {
		s.TrackingNumber = *tracking
	}
	if label != nil {
		s.LabelURL = *label
	}
	return s, json.Unmarshal(parcels, &s.Parcels)
}

// Insert stores a new shipment and fills in its id and timestamps.
func (st *Store) Insert(ctx context.Context, s *Shipment) error {
	parcels, err := json.Marshal(s.Parcels)
	if err != nil {
		return err
	}
	return st.db.QueryRow(ctx, `
		INSERT INTO shipments (order_id, warehouse_id, carrier, service, tracking_number, label_url, status,
		                       parcels, cost_cents, currency, ship_date)
		VALUES ($1, $2, $3, $4, NULLIF($5, ''), NULLIF($6, ''), $7, $8, $9, $10, $11)
		RETURNING id, created_at, updated_at`,
		s.OrderID, s.WarehouseID, s.Carrier, s.Service, s.TrackingNumber, s.LabelURL, s.Status,
		parcels, s.CostCents, s.Currency, s.ShipDate,
	).Scan(&s.ID, &s.CreatedAt, &s.UpdatedAt)
}

// Get returns one shipment.
func (st *Store) Get(ctx context.Context, id string) (Shipment, error) {
	return scan(st.db.QueryRow(ctx, `SELECT `+columns+` FROM shipments WHERE id = $1`, id))
}

// InTransit returns shipments the tracking poller should ask carriers about,
// least recently updated first.
func (st *Store) InTransit(ctx context.Context, limit int) ([]Shipment, error) {
	rows, err := st.db.Query(ctx, `
		SELECT `+columns+` FROM shipments
		 WHERE status IN ('label_created', 'picked_up', 'in_transit', 'out_for_delivery', 'exception')
		   AND tracking_number IS NOT NULL
		 ORDER BY updated_at
		 LIMIT $1`, limit)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Shipment
	for rows.Next() {
		s, err := scan(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, rows.Err()
}

// UpdateStatus saves a status change and records it in shipment_events.
func (st *Store) UpdateStatus(ctx context.Context, s Shipment, detail string) error {
	return pgx.BeginFunc(ctx, st.db, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, `
			UPDATE shipments SET status = $2, delivered_at = $3, updated_at = $4 WHERE id = $1`,
			s.ID, s.Status, s.DeliveredAt, s.UpdatedAt); err != nil {
			return err
		}
		_, err := tx.Exec(ctx, `
			INSERT INTO shipment_events (shipment_id, status, detail, occurred_at) VALUES ($1, $2, $3, $4)`,
			s.ID, s.Status, detail, time.Now().UTC())
		return err
	})
}
