// `crisis-graph/ingest`: reading a page and storing what it says, for tools
// beside the product (the benchmark's extraction, hostile-page and ingestion
// runs) and the hostile page shapes the product's own tests and the bench share.
export { extractPage, type ExtractedPage, type ExtractPageOptions } from "./extract-page";
export { ingestPage, type IngestOptions, type IngestResult } from "./ingest.service";
export { createExtractionPool, type ExtractionPool, type ExtractionPoolOptions } from "./extraction-pool";
export { ExtractionError, MAX_PAGE_BYTES, type ExtractionErrorCode } from "./extract-article";
export type { MentionNames } from "./text-mentions";
export type { PageInput } from "./types";
export { HOSTILE_SHAPES, pageBytes, shapeNamed, type HostileShape } from "./evaluation/hostile-pages";
