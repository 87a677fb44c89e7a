package io.sincro.bench.measure;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

import com.sun.management.GarbageCollectionNotificationInfo;

/**
 * The heap a step used, from the collector's own reports (GcInfo) of the heap pools' use before
 * and after each collection:
 * <ul>
 *   <li>peak: the most heap in use, garbage included. Heap use only grows between collections, so
 *   its peak is just before one (or at the end). The heap pools' own peaks
 *   ({@link MemoryPoolMXBean#getPeakUsage}) are not added up instead: each pool peaks at another
 *   moment, and with G1 their sum went past -Xmx (352 MiB in a 256 MiB heap).</li>
 *   <li>live: the most heap still in use right after a collection, what the work held. With G1 a
 *   young collection leaves the old generation's garbage in place, so this is an upper bound.</li>
 * </ul>
 */
final class HeapMeter implements AutoCloseable {

    private final Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName).collect(Collectors.toSet());
    private final AtomicLong peak = new AtomicLong();
    private final AtomicLong live = new AtomicLong(-1);
    /** JVM uptime when the measurement began: reports of earlier collections arrive late and are left out. */
    private volatile long since;
    private final List<NotificationEmitter> emitters = new ArrayList<>();
    private final NotificationListener onCollection = this::collected;

    HeapMeter() {
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (collector instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener(onCollection, null, null);
                emitters.add(emitter);
            }
        }
    }

    /** Starts a new measurement: collects what earlier work left, then forgets the figures. */
    void reset() {
        System.gc();
        since = ManagementFactory.getRuntimeMXBean().getUptime();
        live.set(-1);
        peak.set(used());
    }

    long peak() {
        return Math.max(peak.get(), used());
    }

    long live() {
        return live.get();
    }

    private static long used() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** Told on the collector's thread, shortly after each collection. */
    private void collected(Notification notification, Object handback) {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
            return;
        }
        var info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData()).getGcInfo();
        if (info.getStartTime() < since) {
            return;
        }
        long before = heapUse(info.getMemoryUsageBeforeGc());
        long after = heapUse(info.getMemoryUsageAfterGc());
        peak.accumulateAndGet(before, Math::max);
        live.accumulateAndGet(after, Math::max);
    }

    private long heapUse(Map<String, MemoryUsage> pools) {
        long used = 0;
        for (Map.Entry<String, MemoryUsage> pool : pools.entrySet()) {
            if (heapPools.contains(pool.getKey())) {
                used += pool.getValue().getUsed();
            }
        }
        return used;
    }

    @Override
    public void close() {
        for (NotificationEmitter emitter : emitters) {
            try {
                emitter.removeNotificationListener(onCollection);
            } catch (ListenerNotFoundException e) {
                // already gone: nothing to undo
            }
        }
    }
}
