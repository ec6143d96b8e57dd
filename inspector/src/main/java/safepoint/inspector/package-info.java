/** The Lanterna inspector: views over the VM's snapshots and events (a later issue). */
package safepoint.inspector;
