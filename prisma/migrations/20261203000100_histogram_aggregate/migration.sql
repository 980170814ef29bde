-- Sums histograms across buckets inside the query that reads a window, so a day of
-- 1-minute rollups is reduced in Postgres rather than shipped row by row to the app.
CREATE AGGREGATE "orrery_sum_counts"(BIGINT[]) (
  SFUNC = "orrery_add_counts",
  STYPE = BIGINT[]
);

CREATE INDEX "node_bucket_node_id_idx" ON "node_bucket"("node_id");
