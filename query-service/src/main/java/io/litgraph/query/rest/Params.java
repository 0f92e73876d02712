package io.litgraph.query.rest;

import io.litgraph.nlp.EntityType;

import java.util.Arrays;

/**
 * Parses query parameters by hand so that a bad value yields a 400 naming the parameter (JAX-RS
 * conversion failures would surface as an anonymous 404).
 */
public final class Params {

    private Params() {
    }

    /** The effective page size: the default when absent, clamped to {@code max}. */
    public static int limit(String raw, int defaultLimit, int max) {
        if (raw == null || raw.isBlank()) {
            return Math.min(defaultLimit, max);
        }
        int value = integer("limit", raw);
        if (value < 1) {
            throw ProblemException.badParameter("limit", "must be at least 1");
        }
        return Math.min(value, max);
    }

    public static int integer(String name, String raw) {
        try {
            return Integer.parseInt(raw.trim());
        } catch (NumberFormatException e) {
            throw ProblemException.badParameter(name, "'" + raw + "' is not an integer");
        }
    }

    /** An entity type by its litgraph name or a PubTator/BioRED alias ("Gene", "Disease" ...). */
    public static String entityType(String name, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return EntityType.fromPubTator(raw.trim()).name();
        } catch (IllegalArgumentException e) {
            throw ProblemException.badParameter(name, "unknown entity type '" + raw + "'; one of "
                    + Arrays.toString(EntityType.values()));
        }
    }

    /**
     * The least relation belief a request shows: {@code defaultValue} when absent, otherwise a number
     * in [0, 1] ({@code 0} shows every relation).
     */
    public static double minBelief(String raw, double defaultValue) {
        if (raw == null || raw.isBlank()) {
            return defaultValue;
        }
        double value;
        try {
            value = Double.parseDouble(raw.trim());
        } catch (NumberFormatException e) {
            throw ProblemException.badParameter("minBelief", "'" + raw + "' is not a number");
        }
        if (!(value >= 0 && value <= 1)) {
            throw ProblemException.badParameter("minBelief", "must be between 0 and 1");
        }
        return value;
    }

    public static boolean bool(String name, String raw, boolean defaultValue) {
        if (raw == null || raw.isBlank()) {
            return defaultValue;
        }
        return switch (raw.trim().toLowerCase()) {
            case "true", "1", "yes" -> true;
            case "false", "0", "no" -> false;
            default -> throw ProblemException.badParameter(name, "'" + raw + "' is not a boolean");
        };
    }
}
