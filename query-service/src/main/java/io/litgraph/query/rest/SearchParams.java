package io.litgraph.query.rest;

import io.litgraph.query.repository.ConceptQueries;
import io.litgraph.query.repository.DocumentSearch;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Turns the document-search query parameters into a {@link DocumentSearch.Filter}, or a 400/404. */
final class SearchParams {

    private SearchParams() {
    }

    static DocumentSearch.Filter filter(String q, List<String> concepts, List<String> types, String since, String until,
                                        ConceptQueries conceptQueries) {
        String text = q == null || q.isBlank() ? null : q.trim();
        if (text != null && text.length() > 500) {
            throw ProblemException.badParameter("q", "longer than 500 characters");
        }
        List<String> conceptIds = new ArrayList<>(split(concepts));
        for (String id : conceptIds) {
            if (!conceptQueries.exists(id)) {
                throw new ProblemException(404, "Not found", "concept '" + id + "' does not exist",
                        List.of(new Problem.ParameterError("concept", "unknown concept '" + id + "'")));
            }
        }
        List<String> typeNames = split(types).stream().map(t -> Params.entityType("type", t)).distinct().toList();
        LocalDate from = date("since", since, false);
        LocalDate to = date("until", until, true);
        if (from != null && to != null && from.isAfter(to)) {
            throw ProblemException.badParameter("until", "is before 'since'");
        }
        return new DocumentSearch.Filter(text, conceptIds, typeNames, from, to);
    }

    /** Repeated parameters and comma-separated values both work: concept=A&concept=B or concept=A,B. */
    static List<String> split(List<String> values) {
        Set<String> out = new LinkedHashSet<>();
        if (values != null) {
            for (String v : values) {
                for (String part : v.split(",")) {
                    if (!part.isBlank()) {
                        out.add(part.trim());
                    }
                }
            }
        }
        return List.copyOf(out);
    }

    /** yyyy, yyyy-MM or yyyy-MM-dd; an {@code until} year or month means its last day. */
    static LocalDate date(String name, String raw, boolean endOfPeriod) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String v = raw.trim();
        try {
            if (v.matches("\\d{4}")) {
                int year = Integer.parseInt(v);
                return endOfPeriod ? LocalDate.of(year, 12, 31) : LocalDate.of(year, 1, 1);
            }
            if (v.matches("\\d{4}-\\d{2}")) {
                YearMonth month = YearMonth.parse(v);
                return endOfPeriod ? month.atEndOfMonth() : month.atDay(1);
            }
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            throw ProblemException.badParameter(name, "'" + raw + "' is not a date (yyyy, yyyy-MM or yyyy-MM-dd)");
        }
    }
}
