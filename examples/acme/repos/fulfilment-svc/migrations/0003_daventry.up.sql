-- UK warehouse opens in March 2026 (FUL-233).
INSERT INTO warehouses (id, code, name, country, lat, lng, cutoff_hour, timezone) VALUES
    ('wh-dvt', 'DVT', 'Daventry', 'GB', 52.26, -1.16, 14, 'Europe/London');
