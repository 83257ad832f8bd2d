/**
 * Saves what the console built or fetched as a file. A link to the API could not carry the
 * bearer token, so files come through fetch and leave the page as a blob.
 */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  // The download has started from the click; the URL is released once it surely has been read.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
