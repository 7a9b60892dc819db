package fr.vigie.checks.anomalies;

import fr.vigie.checks.Check;
import fr.vigie.checks.CheckContext;
import fr.vigie.checks.Evidence;
import fr.vigie.snapshot.DataSource;
import fr.vigie.snapshot.DirectorySnapshot;
import fr.vigie.snapshot.Group;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Groups nested in a loop (A member of B member of ... member of A, or a group member of itself): the effective
 * membership becomes hard to review and some tools loop or stop early on them. One piece of evidence per loop, that
 * is per strongly connected component of the "is member of" graph with more than one group (or a self-loop),
 * naming one cycle of it in nesting order.
 *
 * <p>Linear in groups plus memberships: an iterative Tarjan (no recursion, so tens of thousands of groups are fine),
 * then a breadth-first search inside each component for the shortest cycle through its first group.
 */
public final class GroupNestingLoop implements Check {
    @Override
    public String ruleId() {
        return "group-nesting-loop";
    }

    @Override
    public Set<DataSource> requires() {
        return Set.of(DataSource.GROUPS);
    }

    @Override
    public List<Evidence> evaluate(DirectorySnapshot snapshot, CheckContext context) {
        List<Group> groups = snapshot.groups();
        int[][] adjacency = adjacency(groups);
        List<int[]> components = cyclicComponents(adjacency);
        List<int[]> cycles = shortestCycles(components, adjacency);
        List<Evidence> out = new ArrayList<>();
        for (int i = 0; i < components.size(); i++) {
            int[] component = components.get(i);
            int[] cycle = cycles.get(i);
            Group first = groups.get(cycle[0]);
            StringBuilder path = new StringBuilder();
            for (int v : cycle) {
                path.append(groups.get(v).samAccountName()).append(" -> ");
            }
            path.append(first.samAccountName());
            Evidence e = Evidence.of(first).with("cycle", path)
                    .with("cycle (DN)", Arrays.stream(cycle).mapToObj(v -> groups.get(v).dn())
                            .collect(Collectors.joining(" -> ", "", " -> " + first.dn())));
            if (component.length > cycle.length) {
                e = e.with("groups in the loop", Arrays.stream(component).mapToObj(v -> groups.get(v).samAccountName())
                        .collect(Collectors.joining(", ")));
            }
            out.add(e);
        }
        return out;
    }

    /** For each group (by position in the list), the positions of its member groups. */
    private static int[][] adjacency(List<Group> groups) {
        Map<String, Integer> byDn = new HashMap<>();
        for (int i = 0; i < groups.size(); i++) {
            byDn.putIfAbsent(groups.get(i).dn().toLowerCase(Locale.ROOT), i);
        }
        int[][] adjacency = new int[groups.size()][];
        for (int i = 0; i < groups.size(); i++) {
            adjacency[i] = groups.get(i).members().stream()
                    .map(m -> byDn.get(m.toLowerCase(Locale.ROOT)))
                    .filter(j -> j != null)
                    .mapToInt(Integer::intValue)
                    .toArray();
        }
        return adjacency;
    }

    /**
     * Strongly connected components that contain a cycle (more than one vertex, or a self-loop), each sorted by
     * vertex, the list ordered by smallest vertex. Iterative Tarjan: O(V + E) time, explicit stacks.
     */
    static List<int[]> cyclicComponents(int[][] adjacency) {
        int n = adjacency.length;
        int[] index = new int[n];
        int[] low = new int[n];
        int[] nextEdge = new int[n];
        boolean[] onStack = new boolean[n];
        Arrays.fill(index, -1);
        int[] stack = new int[n];
        int stackSize = 0;
        int[] calls = new int[n];
        int counter = 0;
        List<int[]> out = new ArrayList<>();
        for (int root = 0; root < n; root++) {
            if (index[root] != -1) {
                continue;
            }
            int callSize = 0;
            calls[callSize++] = root;
            index[root] = low[root] = counter++;
            stack[stackSize++] = root;
            onStack[root] = true;
            while (callSize > 0) {
                int v = calls[callSize - 1];
                if (nextEdge[v] < adjacency[v].length) {
                    int w = adjacency[v][nextEdge[v]++];
                    if (index[w] == -1) {
                        index[w] = low[w] = counter++;
                        stack[stackSize++] = w;
                        onStack[w] = true;
                        calls[callSize++] = w;
                    } else if (onStack[w]) {
                        low[v] = Math.min(low[v], index[w]);
                    }
                    continue;
                }
                callSize--;
                if (callSize > 0) {
                    int parent = calls[callSize - 1];
                    low[parent] = Math.min(low[parent], low[v]);
                }
                if (low[v] == index[v]) {
                    List<Integer> component = new ArrayList<>();
                    int w;
                    do {
                        w = stack[--stackSize];
                        onStack[w] = false;
                        component.add(w);
                    } while (w != v);
                    if (component.size() > 1 || selfLoop(adjacency, v)) {
                        Collections.sort(component);
                        out.add(component.stream().mapToInt(Integer::intValue).toArray());
                    }
                }
            }
        }
        out.sort((a, b) -> Integer.compare(a[0], b[0]));
        return out;
    }

    private static boolean selfLoop(int[][] adjacency, int v) {
        for (int w : adjacency[v]) {
            if (w == v) {
                return true;
            }
        }
        return false;
    }

    /**
     * The shortest cycle through each component's first vertex, staying inside the component, as the vertices in
     * nesting order starting with that vertex (the closing edge back to it is implied). Linear overall: the work
     * arrays are shared and each search only visits its own component.
     */
    static List<int[]> shortestCycles(List<int[]> components, int[][] adjacency) {
        int n = adjacency.length;
        int[] componentOf = new int[n];
        Arrays.fill(componentOf, -1);
        for (int c = 0; c < components.size(); c++) {
            for (int v : components.get(c)) {
                componentOf[v] = c;
            }
        }
        int[] parent = new int[n];
        boolean[] visited = new boolean[n];
        int[] queue = new int[n];
        List<int[]> out = new ArrayList<>();
        for (int c = 0; c < components.size(); c++) {
            int start = components.get(c)[0];
            int head = 0;
            int tail = 0;
            queue[tail++] = start;
            visited[start] = true;
            parent[start] = -1;
            int closing = -1;
            while (head < tail && closing < 0) {
                int v = queue[head++];
                for (int w : adjacency[v]) {
                    if (w == start) {
                        closing = v;
                        break;
                    }
                    if (componentOf[w] == c && !visited[w]) {
                        visited[w] = true;
                        parent[w] = v;
                        queue[tail++] = w;
                    }
                }
            }
            if (closing < 0) {
                throw new IllegalStateException("component without a cycle through vertex " + start);
            }
            List<Integer> path = new ArrayList<>();
            for (int x = closing; x != -1; x = parent[x]) {
                path.add(x);
            }
            Collections.reverse(path);
            out.add(path.stream().mapToInt(Integer::intValue).toArray());
        }
        return out;
    }
}
