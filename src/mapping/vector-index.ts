import { countDocumentTerms, type CountedDocuments } from './count-document-terms.js';
import { asQueryTermCounts, type QueryTermCounts } from './count-query-terms.js';
import { SortedTermTable } from './sorted-term-table.js';
import { decodeFloat32, decodeIndices, decodeQuantized, decodeUint32, encodeIndices, encodeQuantized, encodeTypedArray, quantized } from './typed-array-base64.js';

/** Serialised form of a VectorIndex: plain JSON with the numeric arrays in base64. */
export interface VectorIndexData {
  terms: string[];
  docCount: number;
  /** Inverse document frequency per term, Float32 in base64. */
  idf: string;
  /** Start of each term's postings, Uint32 in base64, with one extra end offset. */
  offsets: string;
  /** Document number of each posting, in encodeIndices form. */
  postingDocs: string;
  /** Weight of each posting in its unit-length document vector, in encodeQuantized form. */
  postingWeights: string;
}

/** A document and its cosine similarity to a query. */
export interface VectorHit {
  doc: number;
  score: number;
}

/** A query as unit-length TF-IDF weights over the index's term numbers. */
export interface QueryVector {
  termIds: number[];
  weights: number[];
}

/**
 * Share of documents above which a query term is skipped as too common to help, in indexes of
 * more than `minDocsToSkipTerms` documents. In small indexes every term is kept.
 */
export const maxQueryTermShare = 0.3;
export const minDocsToSkipTerms = 1000;

/** Maximum number of postings kept per term by the pruning step in build. */
export const maxPostingsPerTerm = 500;

interface Postings {
  offsets: Uint32Array;
  postingDocs: Uint32Array;
  postingWeights: Float32Array;
}

/**
 * Lays out every document's unit-length TF-IDF weights (sublinear term frequency) as postings
 * grouped by term, each term's postings in document order.
 */
function collectPostings(counted: CountedDocuments, idf: Float32Array, documentFrequency: Uint32Array): Postings {
  const offsets = new Uint32Array(idf.length + 1);
  documentFrequency.forEach((frequency, term) => {
    offsets[term + 1] = offsets[term]! + frequency;
  });
  const next = offsets.slice(0, idf.length);
  const postingDocs = new Uint32Array(offsets[idf.length]!);
  const postingWeights = new Float32Array(offsets[idf.length]!);
  counted.documents.forEach(({ terms, termCounts }, doc) => {
    const weights = Float64Array.from(terms, (term, entry) => (1 + Math.log(termCounts[entry]!)) * idf[term]!);
    let norm = 0;
    for (const weight of weights) norm += weight * weight;
    norm = Math.sqrt(norm) || 1;
    terms.forEach((term, entry) => {
      const slot = next[term]!++;
      postingDocs[slot] = doc;
      postingWeights[slot] = weights[entry]! / norm;
    });
  });
  return { offsets, postingDocs, postingWeights };
}

/** Static pruning: a common term keeps only its heaviest postings, where it matters most. */
function prunePostings({ offsets, postingDocs, postingWeights }: Postings): Postings {
  const termCount = offsets.length - 1;
  const prunedOffsets = new Uint32Array(termCount + 1);
  for (let term = 0; term < termCount; term += 1) prunedOffsets[term + 1] = prunedOffsets[term]! + Math.min(offsets[term + 1]! - offsets[term]!, maxPostingsPerTerm);
  const docs = new Uint32Array(prunedOffsets[termCount]!);
  const weights = new Float32Array(prunedOffsets[termCount]!);
  for (let term = 0; term < termCount; term += 1) {
    const start = offsets[term]!;
    const length = offsets[term + 1]! - start;
    let slots = Array.from({ length }, (_, position) => start + position);
    if (length > maxPostingsPerTerm) {
      slots = slots.sort((a, b) => postingWeights[b]! - postingWeights[a]! || postingDocs[a]! - postingDocs[b]!).slice(0, maxPostingsPerTerm);
    }
    slots.forEach((slot, position) => {
      docs[prunedOffsets[term]! + position] = postingDocs[slot]!;
      weights[prunedOffsets[term]! + position] = postingWeights[slot]!;
    });
  }
  return { offsets: prunedOffsets, postingDocs: docs, postingWeights: weights };
}

/**
 * Inverted index of TF-IDF document vectors (sublinear term frequency, smoothed IDF, unit
 * length) that scores queries by cosine similarity. It loads from typed arrays, so a warm
 * start costs a base64 decode instead of rebuilding a tree of terms.
 */
export class VectorIndex {
  readonly docCount: number;
  private readonly terms: SortedTermTable;
  private readonly idf: Float32Array;
  private readonly offsets: Uint32Array;
  private readonly postingDocs: Uint16Array | Uint32Array;
  private readonly postingWeights: Float32Array;
  private scratch: Float32Array | undefined;
  private touched: Uint32Array | undefined;
  private bestScores: Float64Array | undefined;
  private bestDocs: Int32Array | undefined;

  private constructor(data: { terms: string[]; docCount: number; idf: Float32Array; offsets: Uint32Array; postingDocs: Uint16Array | Uint32Array; postingWeights: Float32Array }) {
    this.terms = new SortedTermTable(data.terms);
    this.docCount = data.docCount;
    this.idf = data.idf;
    this.offsets = data.offsets;
    this.postingDocs = data.postingDocs;
    this.postingWeights = data.postingWeights;
  }

  /** Builds the index from each document's tokens; document numbers follow the input order. */
  static build(documents: readonly (readonly string[])[]): VectorIndex {
    return VectorIndex.fromCounts(countDocumentTerms(documents));
  }

  /** Builds the index from documents whose terms were counted already. */
  static fromCounts(counted: CountedDocuments): VectorIndex {
    const documents = counted.documents;
    const termCount = counted.terms.length;
    const documentFrequency = new Uint32Array(termCount);
    for (const document of counted.documents) for (const term of document.terms) documentFrequency[term]! += 1;
    const idf = Float32Array.from(documentFrequency, (frequency) => Math.log((documents.length + 1) / (frequency + 1)) + 1);
    const postings = collectPostings(counted, idf, documentFrequency);
    const pruned = prunePostings(postings);
    return new VectorIndex({ terms: counted.terms, docCount: documents.length, idf, ...pruned, postingWeights: quantized(pruned.postingWeights) });
  }

  /** Restores an index from toJSON output. */
  static fromJSON(data: VectorIndexData): VectorIndex {
    return new VectorIndex({
      terms: data.terms,
      docCount: data.docCount,
      idf: decodeFloat32(data.idf),
      offsets: decodeUint32(data.offsets),
      postingDocs: decodeIndices(data.postingDocs),
      postingWeights: decodeQuantized(data.postingWeights),
    });
  }

  /** Serialises the index to JSON-safe data. */
  toJSON(): VectorIndexData {
    return {
      terms: this.terms.terms,
      docCount: this.docCount,
      idf: encodeTypedArray(this.idf),
      offsets: encodeTypedArray(this.offsets),
      postingDocs: encodeIndices(Uint32Array.from(this.postingDocs)),
      postingWeights: encodeQuantized(this.postingWeights),
    };
  }

  /**
   * Turns query tokens, or their counts, into a unit-length TF-IDF vector. Unknown terms are
   * dropped, and so are terms found in more than `maxQueryTermShare` of the documents of a
   * large index, because their weight is small and their long postings lists would dominate
   * search time.
   */
  queryVector(tokens: readonly string[] | QueryTermCounts): QueryVector {
    const termIds: number[] = [];
    const weights: number[] = [];
    const maxPostings = this.docCount > minDocsToSkipTerms ? this.docCount * maxQueryTermShare : Number.POSITIVE_INFINITY;
    let norm = 0;
    for (const [term, count] of asQueryTermCounts(tokens)) {
      const id = this.terms.termId(term);
      if (id === undefined) continue;
      const weight = (1 + Math.log(count)) * this.idf[id]!;
      norm += weight * weight;
      if (this.offsets[id + 1]! - this.offsets[id]! > maxPostings) continue;
      termIds.push(id);
      weights.push(weight);
    }
    const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
    return { termIds, weights: weights.map((weight) => weight * scale) };
  }

  /**
   * Returns the documents most similar to a query, best first, up to `limit`. Documents for
   * which `skip` returns true are left out, which lets a caller hold a document out of its
   * own neighbours.
   */
  search(query: QueryVector, limit: number, skip?: (doc: number) => boolean): VectorHit[] {
    const scores = (this.scratch ??= new Float32Array(this.docCount));
    const touched = (this.touched ??= new Uint32Array(this.docCount));
    // Locals keep the typed arrays out of property lookups in the loop over postings.
    const { offsets, postingDocs, postingWeights } = this;
    let touchedCount = 0;
    for (let position = 0; position < query.termIds.length; position += 1) {
      const term = query.termIds[position]!;
      const weight = query.weights[position]!;
      const end = offsets[term + 1]!;
      for (let slot = offsets[term]!; slot < end; slot += 1) {
        const doc = postingDocs[slot]!;
        const score = scores[doc]!;
        if (score === 0) touched[touchedCount++] = doc;
        scores[doc] = score + weight * postingWeights[slot]!;
      }
    }
    return this.bestTouched(touchedCount, limit, skip);
  }

  /**
   * Picks the `limit` best of the touched documents, best first (lower document first on ties),
   * and clears their scores for the next search. The running list lives in typed arrays, so
   * documents that do not make it cost a comparison and no allocation.
   */
  private bestTouched(touchedCount: number, limit: number, skip?: (doc: number) => boolean): VectorHit[] {
    const scores = this.scratch!;
    const touched = this.touched!;
    if (!this.bestScores || this.bestScores.length <= limit) {
      this.bestScores = new Float64Array(limit + 1);
      this.bestDocs = new Int32Array(limit + 1);
    }
    const bestScores = this.bestScores;
    const bestDocs = this.bestDocs!;
    let count = 0;
    // The worst kept hit once the list is full; until then every document gets in.
    let floorScore = Number.NEGATIVE_INFINITY;
    let floorDoc = -1;
    for (let position = 0; position < touchedCount; position += 1) {
      const doc = touched[position]!;
      const score = scores[doc]!;
      scores[doc] = 0;
      if (score < floorScore || (score === floorScore && doc > floorDoc)) continue;
      if (skip?.(doc)) continue;
      let slot = count;
      while (slot > 0 && (score > bestScores[slot - 1]! || (score === bestScores[slot - 1]! && doc < bestDocs[slot - 1]!))) {
        bestScores[slot] = bestScores[slot - 1]!;
        bestDocs[slot] = bestDocs[slot - 1]!;
        slot -= 1;
      }
      bestScores[slot] = score;
      bestDocs[slot] = doc;
      if (count < limit) count += 1;
      if (count === limit) {
        floorScore = bestScores[limit - 1]!;
        floorDoc = bestDocs[limit - 1]!;
      }
    }
    return Array.from({ length: count }, (_, slot) => ({ doc: bestDocs[slot]!, score: bestScores[slot]! }));
  }

}
