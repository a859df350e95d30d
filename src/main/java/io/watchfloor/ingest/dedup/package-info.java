/**
 * Story clustering: the same story told by several outlets (or re-posted by one) is recognised by the cosine of term
 * signatures within a date window, so that alerts count sources rather than repeat. Exact item deduplication (GUID,
 * link, content hash) is in {@link io.watchfloor.store.FeedItemStore}.
 */
package io.watchfloor.ingest.dedup;
