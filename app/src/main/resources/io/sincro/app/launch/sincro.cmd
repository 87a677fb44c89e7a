@echo off
rem Sincro for this station (Windows): runs the application in app\ with this folder's
rem sincro.properties, from any folder. Needs Java 17: JAVA_HOME, else java on the PATH.
rem The first run makes app\sincro.jsa, an archive of the classes a command of this station loads
rem (class data sharing), which every later command maps instead of loading them. It is made again
rem when the jar (its path, size or time) or the java command changes, under a name of its own and
rem then moved into place, so two first runs at once never write the same file. SINCRO_JAVA_OPTS
rem adds JVM options.
setlocal
set "HERE=%~dp0"
set "JAR=%HERE%app\sincro.jar"
set "ARCHIVE=%HERE%app\sincro.jsa"
set "JAVA=java"
if defined JAVA_HOME set "JAVA=%JAVA_HOME%\bin\java.exe"
if not defined SINCRO_CONFIG set "SINCRO_CONFIG=%HERE%sincro.properties"
set "QUIET=-Xlog:cds=off -Xlog:cds+dynamic=off"
for %%F in ("%JAR%") do set "MADE_FOR=%%~fF %%~zF %%~tF %JAVA%"
set "WAS="
if exist "%ARCHIVE%.for" set /p WAS=<"%ARCHIVE%.for"
if exist "%ARCHIVE%" if "%WAS%"=="%MADE_FOR%" goto run
set "NEW=%ARCHIVE%.%RANDOM%%RANDOM%"
"%JAVA%" -XX:ArchiveClassesAtExit="%NEW%" %QUIET% -jar "%JAR%" status >nul 2>&1
if not exist "%NEW%" goto run
move /y "%NEW%" "%ARCHIVE%" >nul
if errorlevel 1 goto run
>"%ARCHIVE%.for" echo %MADE_FOR%
:run
if not exist "%ARCHIVE%" goto plain
"%JAVA%" -XX:SharedArchiveFile="%ARCHIVE%" %QUIET% %SINCRO_JAVA_OPTS% -jar "%JAR%" %*
exit /b %ERRORLEVEL%
:plain
"%JAVA%" %SINCRO_JAVA_OPTS% -jar "%JAR%" %*
exit /b %ERRORLEVEL%
