/**
 * Folder ingestion: decodes article text files (UTF-8, UTF-16 with BOM, windows-1252 fallback), reads optional
 * {@code .meta.yaml} sidecars, parses title, date and body (dropping site furniture) and scans folders into articles.
 */
package io.watchfloor.ingest;
