/** Level and measure choice lives with the catalogue (the pipeline precomputes each level's default view with it). */
export { chooseIndicator, chooseLevel } from '../data/catalogue/measure-choice';
