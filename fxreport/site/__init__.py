"""The static checker of ``fxreport site``: the page of ``fxreport serve`` with the
checking done in the browser, by this package's own Python in Pyodide.

``bridge`` is what the Web Worker calls (it imports the checking path only: the
standard library and pure-Python packages); ``build`` writes the folder.
"""
