package io.sincro.exchange;

import java.util.ArrayList;
import java.util.List;

/**
 * A folder of the mailbox, relative to the configured mailbox directory.
 *
 * <p>The layout is {@code SincroAg} for what agents send to the head office and
 * {@code SincroSede} for what the head office sends to agents, each with one sub-folder per
 * agent code ({@code SincroAg/A01}, {@code SincroSede/A01}), so that an administrator can give
 * each agent an FTP account limited to its own two folders.
 *
 * @param segments the folder names from the mailbox directory down; each one a safe name
 */
public record Folder(List<String> segments) {

    /** Agents to head office. */
    public static final Folder SINCRO_AG = new Folder(List.of("SincroAg"));
    /** Head office to agents. */
    public static final Folder SINCRO_SEDE = new Folder(List.of("SincroSede"));

    public Folder {
        segments = List.copyOf(segments);
        if (segments.isEmpty()) {
            throw new IllegalArgumentException("a mailbox folder needs at least one name");
        }
        for (String segment : segments) {
            if (!PackageNames.isSafe(segment)) {
                throw new IllegalArgumentException("'" + segment + "' cannot be a mailbox folder name");
            }
        }
    }

    /** A folder from a path such as {@code SincroAg/A01}. */
    public static Folder of(String path) {
        return new Folder(List.of(path.split("/", -1)));
    }

    /** Where agent {@code agentCode} leaves packages for the head office: {@code SincroAg/<code>}. */
    public static Folder fromAgent(String agentCode) {
        return SINCRO_AG.child(agentCode);
    }

    /** Where the head office leaves packages for agent {@code agentCode}: {@code SincroSede/<code>}. */
    public static Folder toAgent(String agentCode) {
        return SINCRO_SEDE.child(agentCode);
    }

    /** The two folders the head office uses. */
    public static List<Folder> headOfficeFolders() {
        return List.of(SINCRO_AG, SINCRO_SEDE);
    }

    /** The two folders one agent station uses. */
    public static List<Folder> agentFolders(String agentCode) {
        return List.of(fromAgent(agentCode), toAgent(agentCode));
    }

    /** The sub-folder {@code name} of this folder. */
    public Folder child(String name) {
        List<String> longer = new ArrayList<>(segments);
        longer.add(name);
        return new Folder(longer);
    }

    /** This folder and each of its parents, outermost first ({@code SincroAg}, {@code SincroAg/A01}). */
    public List<Folder> withParents() {
        List<Folder> chain = new ArrayList<>();
        for (int i = 1; i <= segments.size(); i++) {
            chain.add(new Folder(segments.subList(0, i)));
        }
        return chain;
    }

    /** The path with forward slashes, as written in messages. */
    public String path() {
        return String.join("/", segments);
    }

    @Override
    public String toString() {
        return path();
    }
}
