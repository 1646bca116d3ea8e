/** Caret colours with enough contrast on white; chosen by a stable hash of the user id. */
const PALETTE = ['#c2410c', '#15803d', '#1d4ed8', '#7e22ce', '#be123c', '#0f766e', '#a16207', '#4338ca'];

export function userColor(userId: string): string {
  return PALETTE[userColorIndex(userId)];
}

/** The colour's place in the palette (0–7): stylesheets name it as a class, e.g. suggestions in the text. */
export function userColorIndex(userId: string): number {
  let hash = 0;
  for (let i = 0; i < userId.length; i++) hash = (hash * 31 + userId.charCodeAt(i)) >>> 0;
  return hash % PALETTE.length;
}
