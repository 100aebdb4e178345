package navemu.api.lab;

import java.util.List;

/** The lab world's catalog of sites, for the shell's {@code lab} command and the tour scripts. */
public interface LabSites {

    List<LabSite> sites();
}
