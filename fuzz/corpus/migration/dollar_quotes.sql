-- motcua: no-transaction
CREATE INDEX CONCURRENTLY i ON t (k);
SELECT $$;$$, 'a;b', "c;d"; /* ; */ SELECT 1
