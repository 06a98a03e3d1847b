"""Have LibreOffice (headless, through UNO) accept some tracked changes and reject others.

Run with the system Python that has Debian's python3-uno:

    /usr/bin/python3 tests/tools/lo_decide.py IN.docx OUT.docx --accept ID ... --reject ID ...

Each id names a bookmark cleaner_<id>; the tracked changes inside it are selected and
accepted or rejected with LibreOffice's own commands, as a reviewer would in the UI.

LibreOffice 7.4 headless (Debian's -nogui build) crashes building a view of any
document with Word comments, so the DOCX given here must be made with
``cleaner clean --no-docx-comments``; comments do not affect how decisions are read back.
"""

import argparse
import contextlib
import os
import shutil
import subprocess
import tempfile
import time

import uno
from com.sun.star.beans import PropertyValue


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("src")
    ap.add_argument("dst")
    ap.add_argument("--accept", nargs="*", default=[])
    ap.add_argument("--reject", nargs="*", default=[])
    args = ap.parse_args()
    profile = tempfile.mkdtemp(prefix="lo-profile-")
    pipe = f"cleaner{os.getpid()}"
    proc = subprocess.Popen(
        [
            "soffice",
            "--headless",
            "--invisible",
            "--nologo",
            "--norestore",
            "--nodefault",
            f"-env:UserInstallation=file://{profile}",
            f"--accept=pipe,name={pipe};urp;",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
        ctx = None
        for _ in range(120):
            try:
                ctx = resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
                break
            except Exception:
                time.sleep(0.5)
        if ctx is None:
            raise SystemExit("LibreOffice did not start")
        smgr = ctx.ServiceManager
        desktop = smgr.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(os.path.abspath(args.src)), "_blank", 0, (prop("Hidden", True),))
        controller = doc.getCurrentController()
        frame = controller.getFrame()
        dispatcher = smgr.createInstanceWithContext("com.sun.star.frame.DispatchHelper", ctx)
        bookmarks = doc.getBookmarks()
        for sid, command in [(i, ".uno:AcceptTrackedChange") for i in args.accept] + [(i, ".uno:RejectTrackedChange") for i in args.reject]:
            anchor = bookmarks.getByName("cleaner_" + sid).getAnchor()
            controller.select(anchor)
            dispatcher.executeDispatch(frame, command, "", 0, ())
        props = doc.getDocumentProperties()
        props.ModifiedBy = "LibreOffice Reviewer"
        doc.storeToURL(uno.systemPathToFileUrl(os.path.abspath(args.dst)), (prop("FilterName", "MS Word 2007 XML"),))
        doc.close(True)
        with contextlib.suppress(Exception):
            desktop.terminate()
    finally:
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        shutil.rmtree(profile, ignore_errors=True)


if __name__ == "__main__":
    main()
