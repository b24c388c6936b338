package org.civicloop.jury;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Officers see an imported juror by name and id ("Ava Adams (L100)"), not by the id alone. */
class ImportedNameTest {

    @Test
    void givenAndFamilyNameColumnsMakeTheNameBesideTheId() {
        assertEquals("Ava Adams (L100)", ImportedName.label("id,first_name,last_name,age", "L100,Ava,Adams,40+", "L100"));
        assertEquals("Zoë O'Neill, \"Jr\" (P-1)", ImportedName.label("ref,Given name,Family name,age",
                "P-1,Zoë,\"O'Neill, \"\"Jr\"\"\",young", "P-1"));
        assertEquals("Ana Ruiz (7)", ImportedName.label("id,Name,age", "7, Ana Ruiz ,40+", "7"));
    }

    @Test
    void withoutNameColumnsTheIdStays() {
        assertEquals("B-1", ImportedName.label("ref,age", "B-1,young", "B-1"));
        assertEquals("B-2", ImportedName.label("ref,first_name,age", "B-2,,young", "B-2"));
        assertEquals("B-3", ImportedName.label(null, null, "B-3"));
    }
}
