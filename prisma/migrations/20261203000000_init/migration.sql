-- CreateSchema

-- CreateEnum
CREATE TYPE "node_kind" AS ENUM ('service', 'database', 'queue', 'external', 'unknown-caller');

-- CreateEnum
CREATE TYPE "connection_type" AS ENUM ('rpc', 'messaging', 'database');

-- CreateEnum
CREATE TYPE "edge_origin" AS ENUM ('traced', 'observed', 'declared');

-- CreateTable
CREATE TABLE "node" (
    "id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "kind" "node_kind" NOT NULL,
    "name" TEXT NOT NULL,
    "group" TEXT,
    "detail" JSONB,
    "first_seen_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_seen_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "node_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "edge_bucket" (
    "bucket_start" TIMESTAMPTZ(3) NOT NULL,
    "source_id" TEXT NOT NULL,
    "target_id" TEXT NOT NULL,
    "connection_type" "connection_type" NOT NULL,
    "origin" "edge_origin" NOT NULL,
    "inferred" BOOLEAN NOT NULL DEFAULT false,
    "calls" BIGINT NOT NULL DEFAULT 0,
    "errors" BIGINT NOT NULL DEFAULT 0,
    "client_errors" BIGINT NOT NULL DEFAULT 0,
    "writes" BIGINT NOT NULL DEFAULT 0,
    "traces" BIGINT NOT NULL DEFAULT 0,
    "client_latency" BIGINT[],
    "client_latency_sum_ms" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "server_latency" BIGINT[],
    "server_latency_sum_ms" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "calls_per_trace" BIGINT[],
    "sample_trace_id" TEXT,
    "detail" JSONB,

    CONSTRAINT "edge_bucket_pkey" PRIMARY KEY ("bucket_start","source_id","target_id","connection_type","origin")
);

-- CreateTable
CREATE TABLE "node_bucket" (
    "bucket_start" TIMESTAMPTZ(3) NOT NULL,
    "node_id" TEXT NOT NULL,
    "spans" BIGINT NOT NULL DEFAULT 0,
    "traces" BIGINT NOT NULL DEFAULT 0,
    "entry_traces" BIGINT NOT NULL DEFAULT 0,
    "versions" TEXT[],
    "instances" TEXT[],

    CONSTRAINT "node_bucket_pkey" PRIMARY KEY ("bucket_start","node_id")
);

-- CreateTable
CREATE TABLE "entry_bucket" (
    "bucket_start" TIMESTAMPTZ(3) NOT NULL,
    "node_id" TEXT NOT NULL,
    "operation" TEXT NOT NULL,
    "traces" BIGINT NOT NULL DEFAULT 0,
    "depth_hist" BIGINT[],

    CONSTRAINT "entry_bucket_pkey" PRIMARY KEY ("bucket_start","node_id","operation")
);

-- CreateTable
CREATE TABLE "trust_bucket" (
    "bucket_start" TIMESTAMPTZ(3) NOT NULL,
    "collector" TEXT NOT NULL,
    "received" BIGINT NOT NULL DEFAULT 0,
    "paired" BIGINT NOT NULL DEFAULT 0,
    "unpaired" BIGINT NOT NULL DEFAULT 0,
    "expired" BIGINT NOT NULL DEFAULT 0,
    "rejected" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "trust_bucket_pkey" PRIMARY KEY ("bucket_start","collector")
);

-- CreateTable
CREATE TABLE "ingest_batch" (
    "id" TEXT NOT NULL,
    "collector" TEXT NOT NULL,
    "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ingest_batch_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "container" (
    "id" TEXT NOT NULL,
    "host" TEXT NOT NULL,
    "node_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "image" TEXT NOT NULL,
    "tag" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "health" TEXT,
    "networks" JSONB NOT NULL,
    "mounts" JSONB NOT NULL,
    "labels" JSONB,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "removed_at" TIMESTAMPTZ(3),

    CONSTRAINT "container_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "declared_edge" (
    "container_id" TEXT NOT NULL,
    "source_id" TEXT NOT NULL,
    "target_id" TEXT NOT NULL,
    "connection_type" "connection_type" NOT NULL,
    "via" TEXT NOT NULL,
    "detail" JSONB,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "declared_edge_pkey" PRIMARY KEY ("container_id","source_id","target_id","via")
);

-- CreateIndex
CREATE UNIQUE INDEX "node_key_key" ON "node"("key");

-- CreateIndex
CREATE INDEX "edge_bucket_source_id_bucket_start_idx" ON "edge_bucket"("source_id", "bucket_start");

-- CreateIndex
CREATE INDEX "edge_bucket_target_id_bucket_start_idx" ON "edge_bucket"("target_id", "bucket_start");

-- CreateIndex
CREATE INDEX "ingest_batch_received_at_idx" ON "ingest_batch"("received_at");

-- CreateIndex
CREATE INDEX "container_node_id_idx" ON "container"("node_id");

-- CreateIndex
CREATE INDEX "container_host_idx" ON "container"("host");

-- CreateIndex
CREATE INDEX "declared_edge_source_id_idx" ON "declared_edge"("source_id");

-- CreateIndex
CREATE INDEX "declared_edge_target_id_idx" ON "declared_edge"("target_id");


-- Element-wise sum of two histograms, used by the additive rollup upserts. A NULL or
-- shorter side counts as zeros, so histograms from older rows still add up.
CREATE FUNCTION "orrery_add_counts"(a BIGINT[], b BIGINT[]) RETURNS BIGINT[]
LANGUAGE SQL IMMUTABLE AS $$
  SELECT CASE
    WHEN a IS NULL THEN b
    WHEN b IS NULL THEN a
    ELSE ARRAY(
      SELECT COALESCE(a[i], 0) + COALESCE(b[i], 0)
      FROM generate_series(1, GREATEST(cardinality(a), cardinality(b))) AS i
    )
  END
$$;
