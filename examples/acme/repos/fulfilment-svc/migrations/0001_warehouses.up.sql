CREATE TABLE warehouses (
    id           text PRIMARY KEY,
    code         text NOT NULL UNIQUE,
    name         text NOT NULL,
    country      char(2) NOT NULL,
    lat          double precision NOT NULL,
    lng          double precision NOT NULL,
    cutoff_hour  smallint NOT NULL DEFAULT 15,
    timezone     text NOT NULL DEFAULT 'Europe/Berlin',
    active       boolean NOT NULL DEFAULT true
);

CREATE TABLE stock (
    warehouse_id  text NOT NULL REFERENCES warehouses (id),
    sku           text NOT NULL,
    on_hand       integer NOT NULL DEFAULT 0 CHECK (on_hand >= 0),
    reserved      integer NOT NULL DEFAULT 0 CHECK (reserved >= 0),
    PRIMARY KEY (warehouse_id, sku)
);

CREATE TABLE reservations (
    id            bigserial PRIMARY KEY,
    order_id      text NOT NULL,
    warehouse_id  text NOT NULL REFERENCES warehouses (id),
    sku           text NOT NULL,
    quantity      integer NOT NULL CHECK (quantity > 0),
    created_at    timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX reservations_order_idx ON reservations (order_id);

INSERT INTO warehouses (id, code, name, country, lat, lng, cutoff_hour, timezone) VALUES
    ('wh-lej', 'LEJ', 'Leipzig', 'DE', 51.34, 12.37, 16, 'Europe/Berlin'),
    ('wh-vnl', 'VNL', 'Venlo', 'NL', 51.37, 6.17, 15, 'Europe/Amsterdam');
