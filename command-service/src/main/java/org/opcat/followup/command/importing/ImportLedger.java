package org.opcat.followup.command.importing;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The imports of this instance, running or recent, for the status endpoint. Kept in memory only:
 * what an import stored is in the event stream (with who and when); this is only its progress.
 */
@Component
class ImportLedger {

    private static final int KEPT = 100;

    private final Map<UUID, ImportProgress> imports = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<UUID, ImportProgress> eldest) {
            return size() > KEPT;
        }
    };

    synchronized ImportProgress start(UUID importId, String fileName, boolean dryRun, String recordedBy) {
        ImportProgress running = imports.get(importId);
        if (running != null && !isOver(running)) {
            throw new org.opcat.followup.command.refusal.RuleViolated("importId",
                    org.opcat.followup.api.ProblemCode.IMPORT_RUNNING, "id", importId);
        }
        ImportProgress progress = new ImportProgress(importId, fileName, dryRun, recordedBy);
        imports.remove(importId);
        imports.put(importId, progress);
        return progress;
    }

    /**
     * Files that passed a dry run, with the event store's last global index at that time. The same
     * file (same bytes, same options) sent for real while that index is still the last one needs no
     * second validation: the dry run then confirm of an upload page costs one pass, not two.
     */
    private final Map<String, Long> validated = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
            return size() > KEPT;
        }
    };

    synchronized void validated(String fileKey, long eventStoreMark) {
        validated.put(fileKey, eventStoreMark);
    }

    synchronized boolean validatedAt(String fileKey, long eventStoreMark) {
        Long mark = validated.remove(fileKey);
        return mark != null && mark == eventStoreMark;
    }

    synchronized Optional<ImportProgress> find(UUID importId) {
        return Optional.ofNullable(imports.get(importId));
    }

    private static boolean isOver(ImportProgress progress) {
        return switch (progress.state()) {
            case VALID, IMPORTED, REFUSED, INTERRUPTED -> true;
            default -> false;
        };
    }
}
