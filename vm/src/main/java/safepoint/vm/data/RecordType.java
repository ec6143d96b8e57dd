package safepoint.vm.data;

/** A record type descriptor: its name and field names. */
public final class RecordType extends HeapObj {
    public final String name;
    public final String[] fieldNames;

    public RecordType(String name, String[] fieldNames) {
        this.name = name;
        this.fieldNames = fieldNames;
    }

    public int indexOf(String field) {
        for (int i = 0; i < fieldNames.length; i++) if (fieldNames[i].equals(field)) return i;
        return -1;
    }
}
