-- Vectors live beside the records (product search, semantic recall); HNSW indexes are created
-- with the tables that hold embeddings.
CREATE EXTENSION IF NOT EXISTS vector;
