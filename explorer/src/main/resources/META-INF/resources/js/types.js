// Entity types: labels and colours (the same hues as the --t-* variables in css/explorer.css).

export const TYPES = {
  GeneOrGeneProduct: { label: 'Gene', color: '#2b6cb0', shape: 'ellipse' },
  DiseaseOrPhenotypicFeature: { label: 'Disease', color: '#c53030', shape: 'round-rectangle' },
  ChemicalEntity: { label: 'Chemical', color: '#2f855a', shape: 'diamond' },
  OrganismTaxon: { label: 'Species', color: '#6b46c1', shape: 'hexagon' },
  CellLine: { label: 'Cell line', color: '#8c564b', shape: 'pentagon' },
  SequenceVariant: { label: 'Variant', color: '#b83280', shape: 'triangle' },
  CellType: { label: 'Cell type', color: '#0f7c8c', shape: 'octagon' },
  AnatomicalEntity: { label: 'Anatomy', color: '#8a7a00', shape: 'barrel' },
  BiologicalProcess: { label: 'Process', color: '#c05621', shape: 'round-tag' },
  Behavior: { label: 'Behaviour', color: '#4a5568', shape: 'star' },
};

const OTHER = { label: 'Other', color: '#718096', shape: 'ellipse' };

export function typeInfo(type) {
  return TYPES[type] || { ...OTHER, label: type || OTHER.label };
}

export function typeLabel(type) {
  return typeInfo(type).label;
}

/** CSS class carrying the type colour (var(--tc)); unknown types fall back to grey. */
export function typeClass(type) {
  return TYPES[type] ? `t-${type}` : 't-other';
}

// Relation types (BioRED-style names); a colour each so that edges can be told apart, and a dash for
// co-occurrence only.
export const RELATIONS = {
  Positive_Correlation: { label: 'positive correlation', color: '#2f855a' },
  Negative_Correlation: { label: 'negative correlation', color: '#c53030' },
  Association: { label: 'association', color: '#2b6cb0' },
  Bind: { label: 'binds', color: '#6b46c1' },
  Cotreatment: { label: 'cotreatment', color: '#b83280' },
  Comparison: { label: 'comparison', color: '#8a7a00' },
  Drug_Interaction: { label: 'drug interaction', color: '#c05621' },
  Conversion: { label: 'conversion', color: '#0f7c8c' },
};

export function relationInfo(type) {
  return RELATIONS[type] || { label: (type || 'related').replace(/_/g, ' ').toLowerCase(), color: '#4a5568' };
}

export function relationLabel(type) {
  return relationInfo(type).label;
}
