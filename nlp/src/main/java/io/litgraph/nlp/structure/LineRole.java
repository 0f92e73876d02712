package io.litgraph.nlp.structure;

/** What a line of a plain-text or HTML-derived document is. Only {@link #CONTENT} is mined for entities and relations. */
public enum LineRole {
    CONTENT,
    /** "Posted: March 31st, 2023", "2023-03-31" */
    DATE,
    /** authors and publication labels: "By Jane Doe", "Article author: ...", "Source: ...", a name line over an affiliation */
    BYLINE,
    /** "Department of Medicine, University of X, City, Country" */
    AFFILIATION,
    /** citation and journal lines: "J Biol Chem. 2001;276:1-9", "doi:10.1000/x", "Endocrine Abstracts (2007) 14 S6.2", copyright */
    JOURNAL,
    /** navigation and sharing: "Share", "Print", "Related articles", "Subscribe to our newsletter" */
    CHROME,
    /** a reference list: the lines after a "References" heading, or lines shaped like numbered citations */
    REFERENCE
}
