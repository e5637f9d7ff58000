import { countDocumentTerms, type CountedDocuments } from './count-document-terms.js';
import { asQueryTermCounts, type QueryTermCounts } from './count-query-terms.js';
import { SortedTermTable } from './sorted-term-table.js';
import { TermPostings } from './term-postings.js';
import { decodeFloat32, decodeIndices, decodeQuantized, decodeUint32, encodeIndices, encodeQuantized, encodeTypedArray, quantized } from './typed-array-base64.js';

/** A training document: its tokens and the labels (technique IDs) that it carries. */
export interface LabelledTokens {
  tokens: readonly string[];
  labels: readonly string[];
}

/** A label and its posterior probability for one query. */
export interface LabelProbability {
  label: string;
  probability: number;
}

/** Serialised form of a NaiveBayesIndex: plain JSON with the numeric arrays in base64. */
export interface NaiveBayesIndexData {
  labels: string[];
  terms: string[];
  smoothing: number;
  documentCount: number;
  /** Training documents per label, Float32 in base64. A document with n labels counts 1/n for each. */
  labelDocuments: string;
  /** Tokens per label, weighted like labelDocuments, Float32 in base64. */
  labelTokens: string;
  /** Start of each term's postings, Uint32 in base64, with one extra end offset. */
  offsets: string;
  /** Label number of each posting, in encodeIndices form. */
  postingLabels: string;
  /** log((count + smoothing) / smoothing) of each posting, in encodeQuantized form. */
  postingGains: string;
}

/** Additive (Lidstone) smoothing of term counts. */
export const defaultSmoothing = 0.1;

interface TrainingDocument {
  labels: number[];
  /** Distinct term numbers of the document, with their counts in `termCounts`. */
  terms: Uint32Array;
  termCounts: Float32Array;
  length: number;
}

interface Arrays {
  terms: string[];
  labels: string[];
  smoothing: number;
  documentCount: number;
  labelDocuments: Float32Array;
  labelTokens: Float32Array;
  offsets: Uint32Array;
  postingLabels: Uint16Array | Uint32Array;
  postingGains: Float32Array;
}

/** Counts of held-out documents to subtract from the model for one query. */
interface HeldOutCounts {
  documents: number;
  labelDocuments: Map<number, number>;
  labelTokens: Map<number, number>;
  /** Terms found only in held-out documents, which the reduced model does not know. */
  vanishedTerms: Set<number>;
  /** Keyed by term number times label count plus label number. */
  postings: Map<number, number>;
}

/** Training counts that an index built in this process keeps, so that it can hold documents out. */
interface TrainingCounts {
  documents: TrainingDocument[];
  postingCounts: Float32Array;
  /** Number of training documents that contain each term. */
  termDocuments: Uint32Array;
}

function queryLength(query: Map<number, number>): number {
  let length = 0;
  for (const count of query.values()) length += count;
  return length;
}

/**
 * Returns the positions of the `limit` largest non-zero scores, largest first (lower position
 * on ties). The running list is kept in a reused typed array, so positions that do not make it
 * cost one comparison.
 */
function topPositions(scores: Float64Array, limit: number, slots: Int32Array): number[] {
  let count = 0;
  for (let position = 0; position < scores.length; position += 1) {
    const score = scores[position]!;
    if (score === 0 || (count === limit && score <= scores[slots[limit - 1]!]!)) continue;
    let slot = count;
    while (slot > 0 && score > scores[slots[slot - 1]!]!) {
      slots[slot] = slots[slot - 1]!;
      slot -= 1;
    }
    slots[slot] = position;
    if (count < limit) count += 1;
  }
  return Array.from(slots.subarray(0, count));
}

/**
 * Multinomial naive Bayes over labels with Lidstone smoothing, stored as postings from each
 * term to the labels whose documents contain it. A document with several labels counts as a
 * fraction of a document for each. Scoring touches only the postings of the query's terms. An
 * index built in this process also keeps its training counts, so a caller can score a
 * training text with its own documents held out.
 */
export class NaiveBayesIndex {
  private readonly terms: SortedTermTable;
  private readonly labels: string[];
  private readonly arrays: Arrays;
  private readonly logPrior: Float64Array;
  /** Log-probability of an unseen term per label, log(smoothing / (tokens + smoothing × vocabulary)). */
  private readonly logUnseen: Float64Array;
  private readonly scratch: Float64Array;
  private topSlots = new Int32Array(0);
  private readonly training: TrainingCounts | undefined;

  private constructor(arrays: Arrays, training?: TrainingCounts) {
    this.arrays = arrays;
    this.terms = new SortedTermTable(arrays.terms);
    this.labels = arrays.labels;
    this.training = training;
    const vocabulary = arrays.terms.length;
    this.logPrior = Float64Array.from(arrays.labelDocuments, (documents) => Math.log(documents / arrays.documentCount));
    this.logUnseen = Float64Array.from(arrays.labelTokens, (tokens) => Math.log(arrays.smoothing / (tokens + arrays.smoothing * vocabulary)));
    this.scratch = new Float64Array(arrays.labels.length);
  }

  /** Builds the index from labelled token lists; documents without labels are skipped. */
  static build(documents: readonly LabelledTokens[], smoothing = defaultSmoothing): NaiveBayesIndex {
    const labelled = documents.filter((document) => document.labels.length > 0);
    const counted = countDocumentTerms(labelled.map((document) => document.tokens));
    return NaiveBayesIndex.fromCounts(counted, labelled.map((document) => document.labels), smoothing);
  }

  /**
   * Builds the index from documents whose terms were counted already, with the labels of each
   * document in the same order. Throws when a document has no label.
   */
  static fromCounts(vocabulary: CountedDocuments, documentLabels: readonly (readonly string[])[], smoothing = defaultSmoothing): NaiveBayesIndex {
    if (documentLabels.some((labels) => labels.length === 0)) throw new Error('Internal error: NaiveBayesIndex.fromCounts needs at least one label per document.');
    const labels = [...new Set(documentLabels.flat())].sort();
    const labelIds = new Map(labels.map((label, position) => [label, position]));
    const labelDocuments = new Float32Array(labels.length);
    const labelTokens = new Float32Array(labels.length);
    const postings = new TermPostings(vocabulary.terms.length);
    const termDocuments = new Uint32Array(vocabulary.terms.length);
    const training: TrainingDocument[] = documentLabels.map((documentLabel, position) => {
      const ids = [...new Set(documentLabel)].map((label) => labelIds.get(label)!);
      const { terms, termCounts } = vocabulary.documents[position]!;
      let length = 0;
      for (const count of termCounts) length += count;
      for (const term of terms) termDocuments[term]! += 1;
      const weight = 1 / ids.length;
      for (const label of ids) {
        labelDocuments[label]! += weight;
        labelTokens[label]! += weight * length;
        for (let entry = 0; entry < terms.length; entry += 1) postings.add(terms[entry]!, label, weight * termCounts[entry]!);
      }
      return { labels: ids, terms, termCounts, length };
    });
    const { offsets, postingLabels, postingCounts } = postings.compact();
    const postingGains = quantized(Float32Array.from(postingCounts, (count) => Math.log((count + smoothing) / smoothing)));
    const arrays = { terms: vocabulary.terms, labels, smoothing, documentCount: documentLabels.length, labelDocuments, labelTokens, offsets, postingLabels, postingGains };
    return new NaiveBayesIndex(arrays, { documents: training, postingCounts, termDocuments });
  }

  /** Restores an index from toJSON output. It cannot hold documents out. */
  static fromJSON(data: NaiveBayesIndexData): NaiveBayesIndex {
    return new NaiveBayesIndex({
      terms: data.terms,
      labels: data.labels,
      smoothing: data.smoothing,
      documentCount: data.documentCount,
      labelDocuments: decodeFloat32(data.labelDocuments),
      labelTokens: decodeFloat32(data.labelTokens),
      offsets: decodeUint32(data.offsets),
      postingLabels: decodeIndices(data.postingLabels),
      postingGains: decodeQuantized(data.postingGains),
    });
  }

  /** Serialises the index to JSON-safe data, without the training counts. */
  toJSON(): NaiveBayesIndexData {
    const arrays = this.arrays;
    return {
      labels: arrays.labels,
      terms: arrays.terms,
      smoothing: arrays.smoothing,
      documentCount: arrays.documentCount,
      labelDocuments: encodeTypedArray(arrays.labelDocuments),
      labelTokens: encodeTypedArray(arrays.labelTokens),
      offsets: encodeTypedArray(arrays.offsets),
      postingLabels: encodeIndices(Uint32Array.from(arrays.postingLabels)),
      postingGains: encodeQuantized(arrays.postingGains),
    };
  }

  /**
   * Returns the `limit` most probable labels for a query (tokens or their counts), most
   * probable first, with their posterior probabilities. Terms the index lacks are ignored, and
   * a query without known terms gets the prior. `exclude` lists training documents (in build
   * order) to hold out.
   * Throws when `exclude` is given to an index restored from JSON, which lacks the counts.
   */
  score(tokens: readonly string[] | QueryTermCounts, limit: number, exclude: readonly number[] = []): LabelProbability[] {
    const query = new Map<number, number>();
    for (const [token, count] of asQueryTermCounts(tokens)) {
      const id = this.terms.termId(token);
      if (id !== undefined) query.set(id, count);
    }
    const scores = this.scratch;
    if (exclude.length === 0) {
      const { logPrior, logUnseen } = this;
      const length = queryLength(query);
      for (let label = 0; label < scores.length; label += 1) scores[label] = logPrior[label]! + length * logUnseen[label]!;
      this.addPostings(query, scores);
    } else {
      const heldOut = this.heldOutCounts(exclude, query);
      for (const term of heldOut.vanishedTerms) query.delete(term);
      this.heldOutPriors(heldOut, queryLength(query), scores);
      this.addHeldOutPostings(query, heldOut, scores);
    }
    return this.posterior(scores, limit);
  }

  private addPostings(query: Map<number, number>, scores: Float64Array): void {
    const { offsets, postingLabels, postingGains } = this.arrays;
    for (const [term, count] of query) {
      const end = offsets[term + 1]!;
      for (let slot = offsets[term]!; slot < end; slot += 1) scores[postingLabels[slot]!]! += count * postingGains[slot]!;
    }
  }

  private heldOutCounts(exclude: readonly number[], query: Map<number, number>): HeldOutCounts {
    const training = this.training;
    if (!training) throw new Error('Internal error: NaiveBayesIndex.score cannot hold documents out of an index restored from JSON.');
    const heldOut: HeldOutCounts = { documents: 0, labelDocuments: new Map(), labelTokens: new Map(), vanishedTerms: new Set(), postings: new Map() };
    const add = (map: Map<number, number>, key: number, value: number) => map.set(key, (map.get(key) ?? 0) + value);
    const termDocuments = new Map<number, number>();
    for (const position of exclude) {
      const document = training.documents[position]!;
      const weight = 1 / document.labels.length;
      heldOut.documents += 1;
      for (const term of document.terms) add(termDocuments, term, 1);
      for (const label of document.labels) {
        add(heldOut.labelDocuments, label, weight);
        add(heldOut.labelTokens, label, weight * document.length);
        for (let entry = 0; entry < document.terms.length; entry += 1) {
          const term = document.terms[entry]!;
          if (query.has(term)) add(heldOut.postings, term * this.labels.length + label, weight * document.termCounts[entry]!);
        }
      }
    }
    for (const [term, documents] of termDocuments) if (documents === training.termDocuments[term]) heldOut.vanishedTerms.add(term);
    return heldOut;
  }

  private heldOutPriors(heldOut: HeldOutCounts, length: number, scores: Float64Array): void {
    const { labelDocuments, labelTokens, smoothing, documentCount } = this.arrays;
    const vocabulary = this.arrays.terms.length - heldOut.vanishedTerms.size;
    const documents = documentCount - heldOut.documents;
    for (let label = 0; label < scores.length; label += 1) {
      const labelDocs = labelDocuments[label]! - (heldOut.labelDocuments.get(label) ?? 0);
      const tokens = labelTokens[label]! - (heldOut.labelTokens.get(label) ?? 0);
      // A label whose every document is held out is unknown to this query.
      scores[label] = labelDocs <= 1e-6 ? Number.NEGATIVE_INFINITY : Math.log(labelDocs / documents) + length * Math.log(smoothing / (Math.max(tokens, 0) + smoothing * vocabulary));
    }
  }

  /** Adds the postings of the query terms; postings with held-out counts get their gain recomputed. */
  private addHeldOutPostings(query: Map<number, number>, heldOut: HeldOutCounts, scores: Float64Array): void {
    const { offsets, postingLabels, postingGains, smoothing } = this.arrays;
    const counts = this.training!.postingCounts;
    for (const [term, count] of query) {
      for (let slot = offsets[term]!; slot < offsets[term + 1]!; slot += 1) {
        const label = postingLabels[slot]!;
        const heldCount = heldOut.postings.get(term * this.labels.length + label);
        if (heldCount === undefined) {
          scores[label]! += count * postingGains[slot]!;
          continue;
        }
        const remaining = counts[slot]! - heldCount;
        if (remaining > 1e-6) scores[label]! += count * Math.log((remaining + smoothing) / smoothing);
      }
    }
  }

  /** Turns log scores into probabilities in place and returns the most probable labels. */
  private posterior(scores: Float64Array, limit: number): LabelProbability[] {
    let max = Number.NEGATIVE_INFINITY;
    for (const score of scores) if (score > max) max = score;
    if (max === Number.NEGATIVE_INFINITY) return [];
    let total = 0;
    for (let label = 0; label < scores.length; label += 1) {
      // Labels far below the best add less than 1e-17 each, so they count as zero.
      const gap = scores[label]! - max;
      const weight = gap < -40 ? 0 : Math.exp(gap);
      scores[label] = weight;
      total += weight;
    }
    if (this.topSlots.length <= limit) this.topSlots = new Int32Array(limit + 1);
    return topPositions(scores, limit, this.topSlots).map((label) => ({ label: this.labels[label]!, probability: scores[label]! / total }));
  }
}
