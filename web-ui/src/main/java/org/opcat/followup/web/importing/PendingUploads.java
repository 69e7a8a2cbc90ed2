package org.opcat.followup.web.importing;

import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Files that passed a dry run and wait for the user's confirmation, kept here on the server: the
 * confirmation imports these very bytes, so a second upload can never differ from the file whose
 * report the user read. In a temporary folder only this process can read (not the HTTP session:
 * up to 10 MB each), keyed by the import id and bound to the user who uploaded. A file is gone
 * once confirmed, or after {@link #KEPT_FOR} unconfirmed; few are kept per user and in all.
 */
@Component
class PendingUploads {

    static final Duration KEPT_FOR = Duration.ofMinutes(30);
    private static final int PER_USER = 5;
    private static final int IN_ALL = 100;
    private static final Logger log = LoggerFactory.getLogger(PendingUploads.class);

    /** What the dry run was asked, so the confirmation asks the same. */
    record Pending(UUID importId, String owner, String fileName, boolean createMissing, String sheet, Instant keptAt,
            Path file) {
    }

    private final Map<UUID, Pending> pending = new ConcurrentHashMap<>();
    private final Path folder;
    private final Clock clock;
    private final ScheduledExecutorService sweeper;

    PendingUploads() throws IOException {
        this(Clock.systemUTC());
    }

    PendingUploads(Clock clock) throws IOException {
        this.clock = clock;
        this.folder = createPrivateFolder();
        this.sweeper = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "pending-uploads-sweeper");
            thread.setDaemon(true);
            return thread;
        });
        sweeper.scheduleWithFixedDelay(this::forgetExpired, 1, 1, TimeUnit.MINUTES);
    }

    Pending keep(UUID importId, String owner, String fileName, byte[] content, boolean createMissing, String sheet) {
        forgetExpired();
        List<Pending> owners = pending.values().stream().filter(p -> p.owner().equals(owner))
                .sorted(Comparator.comparing(Pending::keptAt)).toList();
        for (int i = 0; i <= owners.size() - PER_USER; i++) {
            forget(owners.get(i).importId());
        }
        if (pending.size() >= IN_ALL) {
            pending.values().stream().min(Comparator.comparing(Pending::keptAt)).ifPresent(p -> forget(p.importId()));
        }
        Path file = folder.resolve(importId + ".upload");
        try {
            Files.write(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException("could not keep the upload for its confirmation", e);
        }
        Pending kept = new Pending(importId, owner, fileName, createMissing, sheet, clock.instant(), file);
        pending.put(importId, kept);
        return kept;
    }

    boolean holds(UUID importId) {
        return pending.containsKey(importId);
    }

    /**
     * The file of this import, taken out (a second confirmation finds nothing), if it is the
     * user's and not expired.
     */
    Optional<Taken> take(UUID importId, String owner) {
        Pending kept = pending.get(importId);
        if (kept == null || !kept.owner().equals(owner) || expired(kept) || !pending.remove(importId, kept)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Taken(kept, Files.readAllBytes(kept.file())));
        } catch (IOException e) {
            log.warn("pending upload {} could not be read: {}", importId, e.getMessage());
            return Optional.empty();
        } finally {
            delete(kept.file());
        }
    }

    record Taken(Pending pending, byte[] content) {
    }

    /** The user dropped it (or it was refused): no reason to keep it. */
    void forget(UUID importId) {
        Pending kept = pending.remove(importId);
        if (kept != null) {
            delete(kept.file());
        }
    }

    void forgetExpired() {
        pending.values().stream().filter(this::expired).map(Pending::importId).toList().forEach(this::forget);
    }

    int count() {
        return pending.size();
    }

    private boolean expired(Pending kept) {
        return !kept.keptAt().plus(KEPT_FOR).isAfter(clock.instant());
    }

    @PreDestroy
    void deleteAll() {
        sweeper.shutdownNow();
        List.copyOf(pending.keySet()).forEach(this::forget);
        delete(folder);
    }

    private static void delete(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            log.warn("could not delete {}: {}", path, e.getMessage());
        }
    }

    private static Path createPrivateFolder() throws IOException {
        try {
            return Files.createTempDirectory("web-ui-uploads",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (UnsupportedOperationException notPosix) {
            return Files.createTempDirectory("web-ui-uploads");
        }
    }
}
