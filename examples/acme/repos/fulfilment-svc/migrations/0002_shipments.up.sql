CREATE TABLE shipments (
    id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    order_id         text NOT NULL,
    warehouse_id     text NOT NULL REFERENCES warehouses (id),
    carrier          text NOT NULL,
    service          text NOT NULL,
    tracking_number  text,
    label_url        text,
    status           text NOT NULL,
    parcels          jsonb NOT NULL,
    cost_cents       bigint NOT NULL,
    currency         char(3) NOT NULL,
    ship_date        date NOT NULL,
    delivered_at     timestamptz,
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX shipments_order_idx ON shipments (order_id);
CREATE INDEX shipments_open_idx ON shipments (updated_at)
    WHERE status IN ('label_created', 'picked_up', 'in_transit', 'out_for_delivery', 'exception');

CREATE TABLE shipment_events (
    id           bigserial PRIMARY KEY,
    shipment_id  uuid NOT NULL REFERENCES shipments (id),
    status       text NOT NULL,
    detail       text NOT NULL DEFAULT '',
    occurred_at  timestamptz NOT NULL
);

CREATE INDEX shipment_events_shipment_idx ON shipment_events (shipment_id, occurred_at);
