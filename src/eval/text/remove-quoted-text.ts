/**
 * Blanks out text in double quotes ("..." on one line, or “...” across lines). Quoted text is
 * an explanation repeating someone else's words, such as the sensor's rule name or a field of
 * the alert, so it is not taken as the explanation's own statement.
 */
export function removeQuotedText(text: string): string {
  return text.replace(/“[^”]*”/g, ' ').replace(/"[^"\n]*"/g, ' ');
}
