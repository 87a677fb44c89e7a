package io.sincro.office.imports;

/**
 * A row's natural key as the tables order it: by the first part, then the second ({@code ""} for a
 * key of one part).
 */
record Key(String first, String second) implements Comparable<Key> {

    static Key of(String only) {
        return new Key(only, "");
    }

    @Override
    public int compareTo(Key other) {
        int byFirst = first.compareTo(other.first);
        return byFirst != 0 ? byFirst : second.compareTo(other.second);
    }
}
