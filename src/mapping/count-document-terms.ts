/** Distinct terms of a set of documents and each document's term counts. */
export interface CountedDocuments {
  /** Every distinct term, sorted by code unit. A term's position is its number. */
  terms: string[];
  documents: { terms: Uint32Array; termCounts: Float32Array }[];
}

/**
 * Numbers the distinct terms of tokenised documents in sorted order and counts each
 * document's terms into typed arrays. Terms are first numbered as they appear and renumbered
 * once at the end, which avoids a map per document.
 */
export function countDocumentTerms(documents: readonly (readonly string[])[]): CountedDocuments {
  const firstSeen = new Map<string, number>();
  const scratch: number[] = [];
  const counted = documents.map((document) => {
    const touched: number[] = [];
    for (const token of document) {
      let id = firstSeen.get(token);
      if (id === undefined) {
        id = firstSeen.size;
        firstSeen.set(token, id);
        scratch.push(0);
      }
      if (scratch[id] === 0) touched.push(id);
      scratch[id]! += 1;
    }
    const termCounts = Float32Array.from(touched, (id) => scratch[id]!);
    for (const id of touched) scratch[id] = 0;
    return { terms: Uint32Array.from(touched), termCounts };
  });
  const terms = [...firstSeen.keys()].sort();
  const renumber = new Uint32Array(terms.length);
  terms.forEach((term, position) => {
    renumber[firstSeen.get(term)!] = position;
  });
  for (const document of counted) document.terms = document.terms.map((id) => renumber[id]!);
  return { terms, documents: counted };
}

/**
 * Joins two counted corpora into one with a shared vocabulary, the documents of `first`
 * followed by those of `second`. Both term lists are sorted, so a merge renumbers them.
 */
export function mergeCountedDocuments(first: CountedDocuments, second: CountedDocuments): CountedDocuments {
  const terms: string[] = [];
  const firstNumbers = new Uint32Array(first.terms.length);
  const secondNumbers = new Uint32Array(second.terms.length);
  let firstPosition = 0;
  let secondPosition = 0;
  while (firstPosition < first.terms.length || secondPosition < second.terms.length) {
    const left = first.terms[firstPosition];
    const right = second.terms[secondPosition];
    if (right === undefined || (left !== undefined && left < right)) firstNumbers[firstPosition++] = terms.push(left!) - 1;
    else if (left === undefined || right < left) secondNumbers[secondPosition++] = terms.push(right) - 1;
    else {
      const number = terms.push(left) - 1;
      firstNumbers[firstPosition++] = number;
      secondNumbers[secondPosition++] = number;
    }
  }
  const renumber = (documents: CountedDocuments['documents'], numbers: Uint32Array) =>
    documents.map(({ terms: documentTerms, termCounts }) => ({ terms: documentTerms.map((term) => numbers[term]!), termCounts }));
  return { terms, documents: [...renumber(first.documents, firstNumbers), ...renumber(second.documents, secondNumbers)] };
}
