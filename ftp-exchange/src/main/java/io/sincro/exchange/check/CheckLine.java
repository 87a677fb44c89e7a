package io.sincro.exchange.check;

/**
 * One step of the connection check.
 *
 * @param ok     whether the step worked
 * @param step   what was tried ("delete in SincroAg")
 * @param detail for a success, an optional remark (may be empty); for a failure, what went wrong
 *               and what to do
 */
public record CheckLine(boolean ok, String step, String detail) {

    static CheckLine ok(String step) {
        return new CheckLine(true, step, "");
    }

    static CheckLine ok(String step, String remark) {
        return new CheckLine(true, step, remark);
    }

    static CheckLine failed(String step, String detail) {
        return new CheckLine(false, step, detail);
    }

    /** {@code OK    write in SincroAg} or {@code FAIL  delete in SincroAg: the user cannot ...}. */
    @Override
    public String toString() {
        if (ok) {
            return "OK    " + step + (detail.isEmpty() ? "" : " (" + detail + ")");
        }
        return "FAIL  " + step + ": " + detail;
    }
}
