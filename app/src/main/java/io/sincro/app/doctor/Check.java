package io.sincro.app.doctor;

/** One line of the checkup: how it stands, what was checked, and what was found (with what to do). */
record Check(Level level, String subject, String detail) {

    enum Level {
        OK("ok"), WARNING("warning"), PROBLEM("problem");

        private final String label;

        Level(String label) {
            this.label = label;
        }
    }

    static Check ok(String subject, String detail) {
        return new Check(Level.OK, subject, detail);
    }

    static Check warning(String subject, String detail) {
        return new Check(Level.WARNING, subject, detail);
    }

    static Check problem(String subject, String detail) {
        return new Check(Level.PROBLEM, subject, detail);
    }

    @Override
    public String toString() {
        return String.format("%-8s %-16s %s", level.label, subject, detail);
    }
}
