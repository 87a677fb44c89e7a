@echo off
rem Sincro for this station (Windows): runs the application in app\ with this folder's
rem sincro.properties, from any folder. Needs Java 17: JAVA_HOME, else java on the PATH.
rem The first run makes app\sincro.jsa, an archive of the classes a command of this station loads
rem (class data sharing), which every later command maps instead of loading them. Delete it after
rem changing Java or the jar. SINCRO_JAVA_OPTS adds JVM options.
setlocal
set "HERE=%~dp0"
set "JAR=%HERE%app\sincro.jar"
set "ARCHIVE=%HERE%app\sincro.jsa"
set "JAVA=java"
if defined JAVA_HOME set "JAVA=%JAVA_HOME%\bin\java.exe"
if not defined SINCRO_CONFIG set "SINCRO_CONFIG=%HERE%sincro.properties"
set "QUIET=-Xlog:cds=off -Xlog:cds+dynamic=off"
if exist "%ARCHIVE%" goto run
"%JAVA%" -XX:ArchiveClassesAtExit="%ARCHIVE%" %QUIET% -jar "%JAR%" status >nul 2>&1
:run
if not exist "%ARCHIVE%" goto plain
"%JAVA%" -XX:SharedArchiveFile="%ARCHIVE%" %QUIET% %SINCRO_JAVA_OPTS% -jar "%JAR%" %*
exit /b %ERRORLEVEL%
:plain
"%JAVA%" %SINCRO_JAVA_OPTS% -jar "%JAR%" %*
exit /b %ERRORLEVEL%
