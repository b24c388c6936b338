package org.civicloop.kernel;

import java.util.EnumSet;
import java.util.Set;

/** Who does something: the signed-in account's user name and roles, or the system itself. */
public record Actor(String username, Set<Role> roles) {

    public Actor {
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    }

    public static Actor system() {
        return new Actor("system", Set.of(Role.ADMIN));
    }

    public static Actor anonymous() {
        return new Actor("anonymous", Set.of());
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean hasAny(Role... any) {
        for (Role r : any) {
            if (roles.contains(r)) {
                return true;
            }
        }
        return false;
    }

    public boolean isAnonymous() {
        return roles.isEmpty() && "anonymous".equals(username);
    }
}
