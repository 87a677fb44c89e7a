package io.sincro.rules.flow;

import java.util.Objects;

import io.sincro.format.Entity;

/** A row the rules set aside or treated specially, and why, in one sentence. */
public record Note(Entity entity, String key, String text) {

    public Note {
        Objects.requireNonNull(entity, "entity");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(text, "text");
    }

    @Override
    public String toString() {
        return entity.row() + " " + key + ": " + text;
    }
}
