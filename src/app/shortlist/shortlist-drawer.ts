/** The drawer item that shows the shortlist table wide, below the map (its own module: the panel loads lazily). */
export const SHORTLIST_DRAWER = 'shortlist';
