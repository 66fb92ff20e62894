-- Sigap's own database and role beside Temporal's (first start of the postgres volume only).
CREATE ROLE sigap LOGIN PASSWORD 'sigap';
CREATE DATABASE sigap OWNER sigap;
