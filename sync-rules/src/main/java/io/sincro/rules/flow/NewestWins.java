package io.sincro.rules.flow;

import java.util.Comparator;

import io.sincro.format.PackageStream;
import io.sincro.rules.conflicts.PriceVersion;

/**
 * Which of two versions of a special price wins, the same on both sides so both converge on it:
 * <ol>
 * <li>the later {@code updatedAt} wins;</li>
 * <li>at the same instant, <b>the head office wins</b> (the fixed, documented tie-break);</li>
 * <li>still equal (two versions stamped by the same station at the same instant, or by two agents
 * of a customer that changed agent), the station code that sorts last wins, then a deletion over a
 * price, then the higher price, then the higher discount: arbitrary, but the same everywhere.</li>
 * </ol>
 * {@code compare(a, b) > 0} means a wins. A station's own edit is stamped after the version it
 * replaces, even if its clock is behind, so an edit made after seeing a version always wins over it.
 */
public final class NewestWins implements Comparator<PriceVersion> {

    @Override
    public int compare(PriceVersion a, PriceVersion b) {
        int byTime = a.updatedAt().compareTo(b.updatedAt());
        if (byTime != 0) {
            return byTime;
        }
        int byHeadOffice = Boolean.compare(isHeadOffice(a), isHeadOffice(b));
        if (byHeadOffice != 0) {
            return byHeadOffice;
        }
        int byStation = a.updatedBy().compareTo(b.updatedBy());
        if (byStation != 0) {
            return byStation;
        }
        int byDeletion = Boolean.compare(a.deleted(), b.deleted());
        if (byDeletion != 0 || a.deleted()) {
            return byDeletion;
        }
        int byPrice = a.price().compareTo(b.price());
        return byPrice != 0 ? byPrice : a.discount().compareTo(b.discount());
    }

    private static boolean isHeadOffice(PriceVersion v) {
        return PackageStream.HEAD_OFFICE.equals(v.updatedBy());
    }
}
