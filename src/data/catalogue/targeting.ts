/**
 * Why the combine views default to what they do, in words shown beside them. The defaults themselves
 * live with the view state (src/state/combine-spec.ts: TARGETING_CANCER_DIMS) and the rule presets.
 */
export const TARGETING_NOTE = 'Cancer defaults to lung cancer (C33–C34), 2015–2019, age-standardised: lung cancer is the cancer most strongly driven by smoking and deprivation, and 2020 is left out because COVID-19 cut diagnoses that year. "18 common cancers combined" is still available, but breast, prostate and melanoma are more common in less deprived areas, so it points partly away from the places deprivation-led programmes aim at.';

/** The Core20 edition the presets use, and why. */
export const CORE20_EDITION_NOTE = 'Core20 presets use IMD 2019, the edition of NHS England\'s published Core20 figures; "Core20 (IMD 2025)" uses the newer edition. Above LSOA level an area counts as Core20 when at least half of its residents live in Core20 LSOAs (national IMD deciles 1–2); an LSOA counts when it is in decile 1–2 itself.';
