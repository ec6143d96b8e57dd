/** Gerbil's tables as a library (raw-table, gc-table, locking policies): see DESIGN.md "Tables". */
package safepoint.tables;
