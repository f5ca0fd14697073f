/**
 * Teams renders message and TextBlock text as Markdown. Text that came from a person or a document
 * is escaped before it enters such text, so a comment cannot forge a link, a heading or a list.
 * (Cards put such text in RichTextBlock/TextRun, which Teams does not parse as Markdown at all.)
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|~<>]/g, (c) => `\\${c}`).replace(/\r?\n/g, ' ');
}
